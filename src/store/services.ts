import { createRuntimeWorker, HostPool, type RuntimeHost, type WorkerLike } from '../runtime';
import {
  IdbTranspileCache,
  listSkills,
  loadFileEdits,
  loadInstance,
  loadSkillFiles,
  loadWorkspace,
  removeSkill,
  saveFileEdits,
  saveInstance,
  saveSkill,
  saveWorkspace,
  storageUse,
} from '../storage';

/** What the actions reach outside the store; tests swap in fakes. */
export interface Services {
  createWorker: () => WorkerLike;
  transpileCache: IdbTranspileCache;
  loadInstance: typeof loadInstance;
  saveInstance: typeof saveInstance;
  loadWorkspace: typeof loadWorkspace;
  saveWorkspace: typeof saveWorkspace;
  listSkills: typeof listSkills;
  loadSkillFiles: typeof loadSkillFiles;
  saveSkill: typeof saveSkill;
  removeSkill: typeof removeSkill;
  storageUse: typeof storageUse;
  loadFileEdits: typeof loadFileEdits;
  saveFileEdits: typeof saveFileEdits;
}

let services: Services = {
  createWorker: createRuntimeWorker,
  transpileCache: new IdbTranspileCache(__JCO_VERSION__),
  loadInstance,
  saveInstance,
  loadWorkspace,
  saveWorkspace,
  listSkills,
  loadSkillFiles,
  saveSkill,
  removeSkill,
  storageUse,
  loadFileEdits,
  saveFileEdits,
};

export function setServices(next: Partial<Services>): void {
  services = { ...services, ...next };
  hosts.disposeAll();
  hosts = new HostPool(services.createWorker, services.transpileCache);
}

export const getServices = () => services;

/** One runtime host per skill, made on first use; the pool bounds and ends their workers. */
let hosts = new HostPool(services.createWorker, services.transpileCache);

export function hostFor(skillKey: string): RuntimeHost {
  return hosts.hostFor(skillKey);
}

export function disposeHost(skillKey: string): void {
  hosts.dispose(skillKey);
}
