/** DOMException's legacy code for QUOTA_EXCEEDED_ERR, which some engines set without the name. */
const QUOTA_EXCEEDED_CODE = 22;

/**
 * Whether a failed write failed because the origin's storage is full. Browsers say so in
 * different ways: the standard QuotaExceededError, the legacy DOMException code 22, or Firefox's
 * NS_ERROR_DOM_QUOTA_REACHED from localStorage.
 */
export function isQuotaExceeded(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  return (
    typeof DOMException !== 'undefined' &&
    error instanceof DOMException &&
    code === QUOTA_EXCEEDED_CODE
  );
}
