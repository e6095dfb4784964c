/**
 * A panel that fails to render shows its error in place instead of unmounting the whole app
 * (audit 2, L2: a bad session file blanked the page until a reload). "Try again" renders the
 * panel anew, e.g. after importing another file.
 */
import { Component } from 'react';
import type { ReactNode } from 'react';

interface Props {
  name: string;
  children: ReactNode;
}

export class PanelBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="notice" role="alert" data-testid="panel.error">
        <span>
          The {this.props.name} panel failed: {error.message}
        </span>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => this.setState({ error: null })}
        >
          Try again
        </button>
      </div>
    );
  }
}
