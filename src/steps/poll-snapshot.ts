// One poll's reads for every rollout the loop follows: each rollout says what it needs
// (PollRequest.want), every reader then fetches all of it at once, in as few calls as its
// API allows, and each rollout reads its own part of the answers (PollSnapshot.get).

import type { StepDeps } from '../deps.ts';

/**
 * A batched read, defined once per API (DescribeServices, DescribeServiceDeployments, a
 * controller's own): `keyOf` says when two rollouts want the same answer, `read` fetches
 * every wanted key (a key missing from its map was not found). An error it throws ends the
 * poll for every rollout; to fail only the rollouts of one batch, put the error in their
 * answers instead.
 */
export interface SnapshotReader<K, V> {
  readonly name: string;
  keyOf(key: K): string;
  read(keys: readonly K[], deps: StepDeps): Promise<Map<string, V>>;
}

interface Batch {
  keys: Map<string, unknown>;
  run(deps: StepDeps): Promise<Map<string, unknown>>;
}

/** What every pending rollout wants read this poll, by reader. */
export class PollRequest {
  private readonly batches = new Map<object, Batch>();

  want<K, V>(reader: SnapshotReader<K, V>, key: K): void {
    let batch = this.batches.get(reader);
    if (batch === undefined) {
      const keys = new Map<string, K>();
      // The map holds only keys given to this reader: the one place their type is erased.
      batch = { keys, run: (deps) => reader.read([...keys.values()], deps) } as Batch;
      this.batches.set(reader, batch);
    }
    batch.keys.set(reader.keyOf(key), key);
  }

  /** Runs every reader side by side: the answers of this poll. */
  async read(deps: StepDeps): Promise<PollSnapshot> {
    const entries = await Promise.all(
      [...this.batches].map(async ([reader, batch]) => [reader, await batch.run(deps)] as const),
    );
    return new PollSnapshot(new Map(entries));
  }
}

/** The answers of one poll, by reader and key. */
export class PollSnapshot {
  private readonly answers: ReadonlyMap<object, ReadonlyMap<string, unknown>>;

  constructor(answers: ReadonlyMap<object, ReadonlyMap<string, unknown>>) {
    this.answers = answers;
  }

  /** The answer for `key`; undefined when the reader did not find it, or it was not wanted this poll. */
  get<K, V>(reader: SnapshotReader<K, V>, key: K): V | undefined {
    // Only this reader's read() filled its map, with values of its own type.
    return this.answers.get(reader)?.get(reader.keyOf(key)) as V | undefined;
  }
}
