import { describe, expect, it } from 'vitest';
import { codeDeployController } from '../../../src/steps/codedeploy-controller.ts';
import { controllerFor } from '../../../src/steps/controllers.ts';

describe('the CodeDeploy controller in the registry', () => {
  it('is loaded on first use, and says what the module says before it is loaded', () => {
    const listed = controllerFor('codedeploy');
    expect(listed.kind).toBe(codeDeployController.kind);
    expect(listed.registers).toBe(codeDeployController.registers);
  });
});
