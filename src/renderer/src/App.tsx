import { useEffect, useState } from 'react';
import { AreaBoundary } from './components/AreaBoundary';
import { DesktopShell } from './features/desktop/DesktopShell';
import { NoticeBar } from './features/notices/NoticeBar';
import { ProfilesPanel } from './features/profiles/ProfilesPanel';
import { SeveraPanel } from './features/severa/SeveraPanel';
import { useAppStore } from './state/app-store';

const AREAS = [
  { id: 'profiles', label: 'Profiles' },
  { id: 'severa', label: 'Severa login check' },
] as const;
type Area = (typeof AREAS)[number]['id'];

export function App() {
  const [area, setArea] = useState<Area>('profiles');
  const start = useAppStore((s) => s.start);
  useEffect(() => start(), [start]);
  // The window's title names the area, as the taskbar and window switcher show it.
  useEffect(() => {
    document.title = `${AREAS.find((a) => a.id === area)!.label} — Bridgekeeper`;
  }, [area]);

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
        <nav role="tablist" aria-label="Areas" onKeyDown={onTabKey}>
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
              {a.label}
            </button>
          ))}
        </nav>
      </header>
      <NoticeBar />
      <DesktopShell area={area} onArea={setArea} />
      <main className="app-main">
        <section id="panel-profiles" role="tabpanel" aria-labelledby="tab-profiles" hidden={area !== 'profiles'}>
          <AreaBoundary area="Profiles">
            <ProfilesPanel />
          </AreaBoundary>
        </section>
        <section id="panel-severa" role="tabpanel" aria-labelledby="tab-severa" hidden={area !== 'severa'}>
          <AreaBoundary area="Severa login check">
            <SeveraPanel />
          </AreaBoundary>
        </section>
      </main>
    </div>
  );
}
