import { type CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { AwsCallError } from '../errors.ts';
import type { AlarmState } from '../plan/lambda-traffic.ts';

/** DescribeAlarms takes at most 100 names a call. */
const ALARMS_PER_CALL = 100;

/** The state of each named alarm (metric and composite) that exists; one call per 100 names. */
export async function describeAlarms(cloudwatch: CloudWatchClient, names: readonly string[]): Promise<AlarmState[]> {
  const states: AlarmState[] = [];
  for (let start = 0; start < names.length; start += ALARMS_PER_CALL) {
    const chunk = names.slice(start, start + ALARMS_PER_CALL);
    try {
      const out = await cloudwatch.send(
        new DescribeAlarmsCommand({
          AlarmNames: chunk,
          AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
          MaxRecords: ALARMS_PER_CALL,
        }),
      );
      for (const alarm of [...(out.MetricAlarms ?? []), ...(out.CompositeAlarms ?? [])]) {
        if (alarm.AlarmName === undefined) continue;
        states.push({
          name: alarm.AlarmName,
          state: alarm.StateValue ?? 'unknown',
          ...(alarm.StateReason ? { reason: alarm.StateReason } : {}),
        });
      }
    } catch (error) {
      throw new AwsCallError(`DescribeAlarms for ${chunk.map((n) => `'${n}'`).join(', ')}`, error);
    }
  }
  return states;
}
