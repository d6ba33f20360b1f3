import { checkLinkV1 } from './checkLink';
import { SHARE_LINK_VERSION, ShareLinkError, type ShareLink } from './linkFormat';

// A link made today must open in every later version. Each version has its check, and each
// version but the current one an upgrade to the next: a link is checked against the shape it was
// written in, then carried forward step by step. Adding version 2 means: a ShareLinkV2 type, its
// check, an upgrade from 1 to 2, and a test that a version 1 link still opens.

/** Checks a link's data against its own version's shape. */
const CHECKS: Record<number, (data: unknown) => unknown> = {
  1: checkLinkV1,
};

/** Carries a checked link of version n to version n + 1. None yet: version 1 is current. */
const UPGRADES: Record<number, (link: unknown) => unknown> = {};

/**
 * The current shape of a link's data written in `version`: checked, then migrated. Throws a
 * ShareLinkError: a newer version than this build reads, an unknown one, or data that fails the
 * check of its version.
 */
export function migrateShareLink(version: number, data: unknown): ShareLink {
  if (version > SHARE_LINK_VERSION) {
    throw new ShareLinkError(
      'NewerVersion',
      `This link was made by a newer Skill Playground (link format ${version}); this one opens up to format ${SHARE_LINK_VERSION}.`,
    );
  }
  const check = CHECKS[version];
  if (!check) {
    throw new ShareLinkError(
      'Malformed',
      `This link names format ${version}, which never existed.`,
    );
  }
  let link = check(data);
  for (let from = version; from < SHARE_LINK_VERSION; from++) link = UPGRADES[from]!(link);
  return link as ShareLink;
}
