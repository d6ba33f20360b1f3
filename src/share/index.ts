export {
  LINK_LIMITS,
  SHARE_LINK_VERSION,
  ShareLinkError,
  type LinkArg,
  type LinkConfigEntry,
  type LinkedSkill,
  type LinkLimits,
  type ShareLink,
  type ShareLinkErrorCode,
  type ShareLinkV1,
} from './linkFormat';
export { decodeShareLink, encodeShareLink, isShareFragment } from './codec';
export { migrateShareLink } from './migrate';
export { filesFromInline, inlineFiles, type InlineFiles } from './inline';
