// The shapes a task definition travels in: plain JSON, so fields newer than our SDK
// (enableFaultInjection, container restartPolicy, ...) pass through untouched.

export type TaskDefinitionDoc = Record<string, unknown>;

export interface Tag {
  key: string;
  value: string;
}

export interface NormalizedTaskDefinition {
  taskDefinition: TaskDefinitionDoc;
  tags: Tag[];
}

export interface EnvironmentVariable {
  name: string;
  value: string;
}
