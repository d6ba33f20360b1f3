import { followRuns } from './history';
import { followInstanceList } from './instanceList';
import { followInstanceSaved } from './instances';
import { getServices } from './services';

// What other tabs of the playground changed in IndexedDB, followed here: each change goes to the
// slice that shows it (storage/tabChannel says what they tell).

/** Follows the other tabs until the returned function is called. */
export function followOtherTabs(): () => void {
  return getServices().onOtherTabs((message) => {
    switch (message.kind) {
      case 'instance-saved':
        return followInstanceSaved(message.skillKey, message.instance);
      case 'instance-list-saved':
        return void followInstanceList(message.skillKey);
      case 'runs-changed':
        return followRuns(message.skillKey);
    }
  });
}
