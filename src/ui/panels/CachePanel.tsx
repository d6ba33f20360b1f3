import { useEffect } from 'react';
import { clearTranspileCache, refreshCacheStats, usePlayground } from '../../store';

/** What the transpile cache holds, and a way to empty it. */
export function CachePanel() {
  const stats = usePlayground((s) => s.cacheStats);
  const storage = usePlayground((s) => s.storage);
  useEffect(() => {
    void refreshCacheStats();
  }, []);
  return (
    <section aria-label="Storage" className="cache-panel">
      <h3>Transpile cache</h3>
      <p className="muted" data-testid="cache-stats">
        {stats
          ? `${stats.entries} component${stats.entries === 1 ? '' : 's'}, ${(stats.bytes / 1024 / 1024).toFixed(1)} MiB`
          : 'Not available in this browser.'}
      </p>
      {storage && (
        <p className="muted" data-testid="storage-use">
          Browser storage: {(storage.usage / 1024 / 1024).toFixed(1)} MiB used of{' '}
          {(storage.quota / 1024 / 1024 / 1024).toFixed(1)} GiB
        </p>
      )}
      <button
        type="button"
        onClick={() => void clearTranspileCache()}
        disabled={!stats || stats.entries === 0}
      >
        Clear transpile cache
      </button>
    </section>
  );
}
