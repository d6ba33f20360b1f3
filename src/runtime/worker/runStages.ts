import type { RunStage, RunTimings, WorkerEvent } from '../protocol';

// Where a run is, told to the page as it moves on (the Run pane names the stage), and the time
// each stage took. A failure is named by the stage it happened in, so both run kinds (components
// and capsule plugins) keep the two together here.

export class RunStages {
  readonly timings: RunTimings = {
    wrapMs: 0,
    transpileMs: 0,
    compileMs: 0,
    instantiateMs: 0,
    callMs: 0,
  };
  #current: RunStage = 'compiling';

  constructor(
    private readonly runId: number,
    private readonly emit: (event: WorkerEvent) => void,
  ) {}

  get current(): RunStage {
    return this.#current;
  }

  /** Moves the run to `next` and tells the page. */
  enter = (next: RunStage): void => {
    this.#current = next;
    this.emit({ kind: 'stage', runId: this.runId, stage: next });
  };
}
