import { Component, type ReactNode } from 'react';

/** Keeps the page (and Python) usable when the editor's code fails to load. */
export class EditorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="editor editor-failed" role="alert">
          The editor could not be loaded ({this.state.error.message}). Reload the page; your code is kept in this browser.
        </div>
      );
    }
    return this.props.children;
  }
}
