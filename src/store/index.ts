export { usePlayground, draftKey, initialState } from './playgroundStore';
export * from './selectors';
export * from './actions';
export { setServices } from './services';
export type * from './types';
