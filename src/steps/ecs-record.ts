import type { ECSClient, Service, ServiceDeployment } from '@aws-sdk/client-ecs';
import {
  describeServiceDeployment,
  describeServiceDeployments,
  describeServiceRevisions,
  listServiceDeployments,
} from '../aws/ecs.ts';
import type { StepDeps } from '../deps.ts';
import { awsErrorName, messageOf, transientReason } from '../errors.ts';
import { batchesOf } from '../plan/ecs-services.ts';
import { alarmsWatch, DEFAULT_POLL_PLAN, knownWaitEnd, nextPollDelay } from '../plan/poll-schedule.ts';
import {
  classifyServiceDeployment,
  pausedAt,
  type RecordVerdict,
  recordProgressLine,
  type StageVisit,
  visitStage,
} from '../plan/service-deployment.ts';
import { ourRecord, revisionsToCheck } from '../plan/service-deployment-find.ts';
import { type Strategy, strategyOf, type WaitUntil } from '../plan/service-deployment-stages.ts';
import type { SnapshotReader } from './poll-snapshot.ts';

export interface RecordOptions {
  cluster: string;
  service: string;
  /** Our UpdateService happened at (or after) this moment: older records are not ours. */
  since: Date;
  /** `currentServiceDeployment` of the UpdateService answer, when ECS gave one. */
  arn?: string;
  /** The task definition our UpdateService set: tells our record from a newer deploy's. */
  taskDefinitionArn?: string;
  waitUntil: WaitUntil;
  intervalMs: number;
}

/** This poll's record, read with every other rollout's (RECORDS), or why it could not be. */
export type ReadRecord = { record: ServiceDeployment | undefined } | { error: unknown };

/**
 * The poll loop's DescribeServiceDeployments: one call per 20 records, for records already
 * read once (a first read goes alone, as a probe: DeploymentRecord.poll). A failed call
 * is the answer of its batch's records only.
 */
export const RECORDS: SnapshotReader<string, ReadRecord> = {
  name: 'DescribeServiceDeployments',
  keyOf: (arn) => arn,
  read: async (arns, deps) => {
    const read = new Map<string, ReadRecord>();
    for (const batch of batchesOf(arns, 20)) {
      try {
        const found = await describeServiceDeployments(deps.clients.ecs, batch);
        // One asked, one answered: that is it, however ECS spells its ARN (as describeServiceDeployment reads it).
        for (const arn of batch)
          read.set(arn, {
            record: found.find((d) => d.serviceDeploymentArn === arn) ?? (batch.length === 1 ? found[0] : undefined),
          });
      } catch (error) {
        for (const arn of batch) read.set(arn, { error });
      }
    }
    return read;
  },
};

/** What one poll of the record says; undefined fields: no record to go by. */
export interface RecordPoll {
  record?: ServiceDeployment;
  verdict?: RecordVerdict;
  progress?: string;
  /** Sleep this long before the next poll (rarely through a bake or at a pause hook). */
  nextMs?: number;
}

const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation']);

/**
 * Follows ECS's record of our deployment (ServiceDeployment): one DescribeServiceDeployments
 * per poll, ListServiceDeployments (and DescribeServiceRevisions, to tell several apart) at
 * most once, to find it when UpdateService named none.
 * When the role may not read records (or ECS keeps none), says so once and turns itself
 * off: the caller then judges DescribeServices alone, as before records existed.
 */
export class DeploymentRecord {
  private arnValue: string | undefined;
  private listed = false;
  private off = false;
  /** A record was read once: later errors skip a poll instead of turning records off. */
  private confirmed = false;
  private lastRecord: ServiceDeployment | undefined;
  private strategyValue: Strategy = 'ROLLING';
  private visits: StageVisit[] = [];
  /** When the previous poll was: a change seen now happened after it. */
  private lastPollAt: number;
  private stageSince = 0;
  private weight: number | undefined;
  private weightSince = 0;
  private readonly options: RecordOptions;
  private readonly deps: StepDeps;

  constructor(options: RecordOptions, deps: StepDeps) {
    this.options = options;
    this.deps = deps;
    this.arnValue = options.arn;
    this.lastPollAt = options.since.getTime();
  }

  get arn(): string | undefined {
    return this.off ? undefined : this.arnValue;
  }

  /** The record's ARN when a poll may read it together with others' (known, read once, not off). */
  get readableArn(): string | undefined {
    return this.off || !this.confirmed ? undefined : this.arnValue;
  }

  get strategy(): Strategy {
    return this.strategyValue;
  }

  get last(): ServiceDeployment | undefined {
    return this.lastRecord;
  }

  /** The stages our deployment went through, with when we saw each begin and end. */
  stages(): StageVisit[] {
    return [...this.visits];
  }

  /** One poll, given the DescribeServices answer of the same poll (and the record, when read with others'). */
  async poll(service: Service | undefined, read?: ReadRecord): Promise<RecordPoll> {
    if (this.off) return {};
    if (service?.deploymentConfiguration !== undefined)
      this.strategyValue = strategyOf(service.deploymentConfiguration);
    try {
      if (read !== undefined && 'error' in read) throw read.error;
      const arn = await this.find();
      if (arn === undefined) return {};
      const record =
        read !== undefined
          ? read.record
          : this.confirmed
            ? await describeServiceDeployment(this.deps.clients.ecs, arn)
            : await this.probe((ecs) => describeServiceDeployment(ecs, arn));
      if (record === undefined) return {};
      this.confirmed = true;
      return this.judge(record, service);
    } catch (error) {
      const name = awsErrorName(error);
      if (this.confirmed && (name === undefined || !DENIED.has(name))) {
        this.deps.log.debug(`DescribeServiceDeployments failed this poll: ${messageOf(error)}`);
        return {};
      }
      this.turnOff(error);
      return {};
    }
  }

  private judge(record: ServiceDeployment, service: Service | undefined): RecordPoll {
    const now = this.deps.now();
    if (record.deploymentConfiguration?.strategy !== undefined)
      this.strategyValue = record.deploymentConfiguration.strategy;
    const stageChanged = record.lifecycleStage !== this.lastRecord?.lifecycleStage;
    if (stageChanged) this.stageSince = this.lastPollAt;
    const weight = record.targetServiceRevision?.requestedProductionTrafficWeight;
    if (weight !== this.weight) [this.weight, this.weightSince] = [weight, this.lastPollAt];
    this.lastPollAt = now;
    this.lastRecord = record;
    this.visits = visitStage(this.visits, record.lifecycleStage, now);
    const strategy = this.strategyValue;
    const verdict = classifyServiceDeployment({
      record,
      strategy,
      waitUntil: this.options.waitUntil,
      service: this.options.service,
    });
    const config = record.deploymentConfiguration ?? service?.deploymentConfiguration;
    const waitEndsAt = knownWaitEnd({
      status: record.status,
      strategy,
      config,
      stage: record.lifecycleStage,
      stageSince: this.stageSince,
      weight: this.weight,
      weightSince: this.weightSince,
    });
    const nextMs = nextPollDelay({
      plan: { intervalMs: this.options.intervalMs, ...DEFAULT_POLL_PLAN },
      now,
      paused: pausedAt(record) !== undefined,
      watched: alarmsWatch(config),
      ...(waitEndsAt === undefined ? {} : { waitEndsAt }),
    });
    return { record, verdict, progress: recordProgressLine(record, strategy), nextMs };
  }

  private async find(): Promise<string | undefined> {
    if (this.arnValue !== undefined || this.listed) return this.arnValue;
    this.listed = true;
    const { cluster, service } = this.options;
    const briefs = await this.probe((ecs) => listServiceDeployments(ecs, { cluster, service }, this.options.since));
    const revisions = await this.targetRevisions(revisionsToCheck(briefs));
    const chosen = ourRecord(briefs, revisions, this.options.taskDefinitionArn);
    this.arnValue = chosen.arn;
    if (this.arnValue === undefined)
      this.deps.log.info(
        `ECS listed no deployment record for service '${service}' since ${this.options.since.toISOString()}: following DescribeServices only.`,
      );
    else this.deps.log.debug(`Deployment record of service '${service}': ${this.arnValue} (${chosen.why}).`);
    return this.arnValue;
  }

  /** What the listed records deploy (one DescribeServiceRevisions); undefined when ECS does not say. */
  private async targetRevisions(arns: string[]) {
    if (arns.length === 0 || this.options.taskDefinitionArn === undefined) return undefined;
    try {
      return await describeServiceRevisions(this.deps.clients.ecs, arns);
    } catch (error) {
      this.deps.log.debug(
        `DescribeServiceRevisions failed (${messageOf(error)}): taking the oldest record since our update.`,
      );
      return undefined;
    }
  }

  /**
   * The first calls of this API: one attempt, because an endpoint that does not speak it
   * (an emulator) answers 500 with a page that is no AWS answer, and the SDK would retry
   * that for seconds on every deploy. Throttling and AWS's own 5xx are retried as usual.
   */
  private async probe<T>(call: (ecs: ECSClient) => Promise<T>): Promise<T> {
    try {
      return await call(this.deps.clients.once.ecs);
    } catch (error) {
      if (notAnAwsAnswer(error) || transientReason(error) === undefined) throw error;
      return call(this.deps.clients.ecs);
    }
  }

  private turnOff(error: unknown): void {
    this.off = true;
    const name = awsErrorName(error);
    if (name !== undefined && DENIED.has(name)) {
      const call = /ListServiceDeployments/.test(messageOf(error))
        ? 'ecs:ListServiceDeployments'
        : 'ecs:DescribeServiceDeployments';
      this.deps.log.warning(
        `The role may not read ECS deployment records (${call} was denied): following service '${this.options.service}' by DescribeServices only, ` +
          `so stages, alarms and hooks are not reported. Grant ecs:ListServiceDeployments and ecs:DescribeServiceDeployments (see docs/iam/ecs.json).`,
      );
      return;
    }
    if (notAnAwsAnswer(error)) {
      // The SDK's own text here is its parser's complaint about an HTML page: of no use to the reader.
      const status = httpStatusOf(error);
      this.deps.log.info(
        `The endpoint does not speak ECS's deployment-record API${status === undefined ? '' : ` (it answered HTTP ${status}, not an AWS answer)`}: following service '${this.options.service}' by DescribeServices only.`,
      );
      return;
    }
    this.deps.log.info(`ECS gave no deployment record (${messageOf(error)}): following DescribeServices only.`);
  }
}

/** The HTTP status of the answer behind an SDK error (or one it caused), when the SDK kept it. */
function httpStatusOf(error: unknown): number | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const { $metadata, $response } = e as {
      $metadata?: { httpStatusCode?: unknown };
      $response?: { statusCode?: unknown };
    };
    const status = $metadata?.httpStatusCode ?? $response?.statusCode;
    if (typeof status === 'number') return status;
  }
  return undefined;
}

/** An answer the SDK could not read as AWS's (an HTML error page): the API is not there. */
function notAnAwsAnswer(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e.name === 'SyntaxError' || e.message.includes('Deserialization error')) return true;
  }
  return false;
}
