import type { StepDeps } from './deps.ts';
import { messageOf } from './errors.ts';
import type { Settings } from './inputs.ts';
import type { Mode } from './names.ts';
import { deployEcs, type EcsResult } from './steps/ecs.ts';

export interface PipelineOutcome {
  ecs?: EcsResult;
  /** The first failure; nothing after it ran. */
  failure?: { mode: Mode; message: string };
  /** Modes that did not run because an earlier one failed. */
  skipped: Mode[];
}

interface Stage {
  mode: Mode;
  /** The log group's title. */
  title: string;
  run: (outcome: PipelineOutcome) => Promise<string | undefined>;
}

/** Runs `fn` inside a collapsible log group (core.group on the runner). */
export type Grouper = <T>(title: string, fn: () => Promise<T>) => Promise<T>;

/**
 * Runs the selected modes in the fixed order image -> run-task -> ecs and lambda ->
 * parameter, whatever order the user wrote them in. A stage returns a failure message
 * (or throws); either stops every stage after it.
 */
export async function runPipeline(settings: Settings, deps: StepDeps, group: Grouper): Promise<PipelineOutcome> {
  const stages: Stage[] = [];
  const { ecs } = settings;
  if (ecs) {
    stages.push({
      mode: 'ecs',
      title: `ecs: service '${ecs.service}' in cluster '${ecs.cluster}'`,
      run: async (outcome) => {
        outcome.ecs = await deployEcs(ecs, deps);
        return outcome.ecs.failure;
      },
    });
  }

  const outcome: PipelineOutcome = { skipped: [] };
  for (const [index, stage] of stages.entries()) {
    let failure: string | undefined;
    try {
      failure = await group(stage.title, () => stage.run(outcome));
    } catch (error) {
      failure = messageOf(error);
      if (error instanceof Error && error.stack) deps.log.debug(error.stack);
    }
    if (failure !== undefined) {
      outcome.failure = { mode: stage.mode, message: failure };
      outcome.skipped = stages.slice(index + 1).map((s) => s.mode);
      break;
    }
  }
  return outcome;
}
