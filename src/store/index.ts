export { usePlayground, draftKey, initialState } from './playgroundStore';
export * from './selectors';
export * from './actions';
export { editFile, revertFile } from './fileActions';
export { setServices } from './services';
export type * from './types';
