export { loadInstance, saveInstance, type StoredInstance } from './instanceConfig';
