import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';

interface Props {
  /** Named in the message, in the reader's words: "The Profiles area stopped working". */
  area: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** A new key remounts the area from scratch: its state starts over, main's truth is fetched again. */
  attempt: number;
}

/**
 * A React error in one area (a bug, an answer of an unexpected shape) takes down that area only:
 * the rest of the window keeps working, and the person can reload just this part.
 */
export class AreaBoundary extends Component<Props, State> {
  override state: State = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.area} area crashed`, error, info.componentStack);
  }

  override render() {
    const { error, attempt } = this.state;
    if (error) return <Stopped area={this.props.area} error={error} onReload={() => this.setState({ error: null, attempt: attempt + 1 })} />;
    return <Fragment key={attempt}>{this.props.children}</Fragment>;
  }
}

/** What the person sees of an area that stopped (a function component, so it can read the language). */
function Stopped({ area, error, onReload }: { area: string; error: Error; onReload(): void }) {
  const { t } = useI18n();
  return (
    <div className="notice notice-error" role="alert">
      <p>{t('components.boundary.stopped', { area, reason: error.message || t('components.boundary.unexpected') })}</p>
      <button type="button" className="primary" onClick={onReload}>
        {t('components.boundary.reload')}
      </button>
    </div>
  );
}
