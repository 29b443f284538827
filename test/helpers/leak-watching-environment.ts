import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import NodeEnvironment from 'jest-environment-node';

/**
 * Jest's Node environment, which also hands each suite the listener leaks Node warned about
 * while it ran (read by no-listener-leaks.ts). It runs outside the suite's sandbox, so it hears
 * the process's own warnings, which the sandbox's stand-in `process` does not.
 */
export default class LeakWatchingEnvironment extends NodeEnvironment {
  private readonly leaks: string[] = [];

  private readonly onWarning = (warning: Error) => {
    if (warning.name === 'MaxListenersExceededWarning') {
      this.leaks.push(`${warning.message}\n${warning.stack ?? ''}`);
    }
  };

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.global.listenerLeaks = this.leaks;
  }

  override async setup(): Promise<void> {
    await super.setup();
    process.on('warning', this.onWarning);
  }

  override async teardown(): Promise<void> {
    process.off('warning', this.onWarning);
    await super.teardown();
  }
}
