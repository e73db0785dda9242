import { useEffect, useState } from 'react';
import type { MessageKey } from '../../shared/i18n/catalog';
import { AreaBoundary } from './components/AreaBoundary';
import { DesktopShell } from './features/desktop/DesktopShell';
import { LanguageSwitch } from './features/desktop/LanguageSwitch';
import { NoticeBar } from './features/notices/NoticeBar';
import { ProfilesPanel } from './features/profiles/ProfilesPanel';
import { SeveraPanel } from './features/severa/SeveraPanel';
import { Updates } from './features/updates/Updates';
import { useI18n } from './i18n/I18nProvider';
import { useAppStore } from './state/app-store';

const AREAS = [
  { id: 'profiles', label: 'app.area.profiles' },
  { id: 'severa', label: 'app.area.severa' },
] as const satisfies readonly { id: string; label: MessageKey }[];
type Area = (typeof AREAS)[number]['id'];

export function App() {
  const { t } = useI18n();
  const [area, setArea] = useState<Area>('profiles');
  const start = useAppStore((s) => s.start);
  useEffect(() => start(), [start]);
  const label = (id: Area) => t(AREAS.find((a) => a.id === id)!.label);
  // The window's title names the area, as the taskbar and window switcher show it.
  const title = t('app.window.title', { area: label(area) });
  useEffect(() => {
    document.title = title;
  }, [title]);

  // Arrow keys move between the two tabs, as the WAI-ARIA tabs pattern has it.
  const onTabKey = (event: React.KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next = AREAS[(AREAS.findIndex((a) => a.id === area) + 1) % AREAS.length]!.id;
    setArea(next);
    document.getElementById(`tab-${next}`)?.focus();
  };

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">Bridgekeeper</h1>
        <nav role="tablist" aria-label={t('app.areas')} onKeyDown={onTabKey}>
          {AREAS.map((a) => (
            <button
              key={a.id}
              id={`tab-${a.id}`}
              role="tab"
              type="button"
              aria-selected={area === a.id}
              aria-controls={`panel-${a.id}`}
              tabIndex={area === a.id ? 0 : -1}
              onClick={() => setArea(a.id)}
            >
              {label(a.id)}
            </button>
          ))}
        </nav>
        <LanguageSwitch />
      </header>
      <NoticeBar />
      <DesktopShell area={area} onArea={setArea} />
      <Updates />
      <main className="app-main">
        <section id="panel-profiles" role="tabpanel" aria-labelledby="tab-profiles" hidden={area !== 'profiles'}>
          <AreaBoundary area={label('profiles')}>
            <ProfilesPanel />
          </AreaBoundary>
        </section>
        <section id="panel-severa" role="tabpanel" aria-labelledby="tab-severa" hidden={area !== 'severa'}>
          <AreaBoundary area={label('severa')}>
            <SeveraPanel />
          </AreaBoundary>
        </section>
      </main>
    </div>
  );
}
