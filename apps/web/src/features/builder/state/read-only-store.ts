import type { BuilderStore } from './builder-store';

/**
 * A viewer's builder store: selecting steps, samples and previews work as usual, but every edit to
 * the draft is dropped, so a read-only builder can never become dirty or save.
 */
export function readOnlyStore(store: BuilderStore): BuilderStore {
  return { ...store, dispatch: (action) => (action.type === 'edit' ? undefined : store.dispatch(action)) };
}
