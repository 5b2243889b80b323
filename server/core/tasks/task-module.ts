import type { CoreDeps, CoreModule } from '../shared/core-module';
import { Ticker } from '../shared/ticker';
import { BulkTaskActions } from './bulk-actions';
import { DeadLetters } from './dead-letters';
import { settleBlockedTasks } from './dependencies';
import { TaskService } from './task-service';

/** Submitting and operating tasks, dead letters, and the sweep that settles dependents. */
export function createTaskModule({ store, clock, metrics, log }: CoreDeps, kickDispatch: () => void) {
  const tasks = new TaskService(store, metrics, log.child({ part: 'tasks' }), kickDispatch, clock);
  const bulkTasks = new BulkTaskActions(store, metrics, log.child({ part: 'tasks' }), kickDispatch);
  const deadLetters = new DeadLetters(store, kickDispatch);
  const module: CoreModule = {
    name: 'tasks',
    // Dependents of a task whose outcome landed just before a crash are settled here.
    loops: [
      new Ticker(
        'dependency-sweep',
        30_000,
        async () => void (await settleBlockedTasks(store.tasks, metrics, kickDispatch)),
        clock,
        log,
        { scope: 'cluster' },
      ),
    ],
  };
  return { tasks, bulkTasks, deadLetters, module };
}
