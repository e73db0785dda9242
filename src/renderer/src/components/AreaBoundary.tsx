import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Named in the message: "The Profiles area stopped working". */
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
    if (error) {
      return (
        <div className="notice notice-error" role="alert">
          <p>
            The {this.props.area} area stopped working: {error.message || 'an unexpected error'}. The rest of Bridgekeeper is fine, and nothing was lost.
          </p>
          <button type="button" className="primary" onClick={() => this.setState({ error: null, attempt: attempt + 1 })}>
            Reload this area
          </button>
        </div>
      );
    }
    return <Fragment key={attempt}>{this.props.children}</Fragment>;
  }
}
