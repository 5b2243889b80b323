import { expect, expectLive, markDocument, test } from './fixtures';
import { uniqueName } from './support/api';

interface Work {
  taskId: string;
  leaseToken: string;
  attempt: number;
}

test('a waiting task says why it has not started, live, until a capable agent takes it', async ({
  adminPage: page,
  api,
}) => {
  // A capability no agent has (the demo fleet included), so the task cannot be routed.
  const capability = uniqueName('gpu');
  const reason = `no agent has capability ${capability}`;
  const title = uniqueName('e2e needs a gpu');
  const {
    ids: [taskId],
  } = await api.submitTask({ title, capabilities: [capability] });

  await page.goto(`/tasks?q=${encodeURIComponent(title)}`);
  await expectLive(page);
  const row = page.getByTestId('tasks-table').locator('tr', { hasText: title });
  await expect(row.getByTestId('task-status')).toHaveText('queued');
  await expect(row.getByTestId('pending-reason')).toHaveText(reason);
  await expect(row.getByTestId('pending-reason')).toHaveAttribute('title', `no agent has capability \`${capability}\``);

  await row.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${taskId}$`));
  const callout = page.getByTestId('pending-callout');
  await expect(callout).toContainText("Why it hasn't started");
  await expect(callout.getByTestId('pending-message')).toHaveText(reason);
  await expect(callout).toHaveAttribute('data-code', 'no-capable-agent');
  const sameDocument = await markDocument(page);

  // An agent with the capability connects and asks for work, as a real worker would.
  const agentName = uniqueName('e2e-gpu-worker');
  const agent = await api.startAgent({ name: agentName, capabilities: [capability] });
  await api.heartbeat(agent.token);
  const work = await api.mutate<Work | null>('work.poll', { waitMs: 5000 }, agent.token);
  expect(work?.taskId).toBe(taskId);
  const lease = { taskId, leaseToken: work!.leaseToken };
  await api.mutate('work.start', lease, agent.token);

  await expect(page.getByTestId('task-status')).toHaveText('running');
  await expect(page.getByTestId('pending-callout')).toHaveCount(0);
  await expect(page.getByTestId('task-agent')).toHaveText(agentName);
  const decision = page.getByTestId('decision');
  await expect(decision.getByTestId('decision-winner')).toHaveText(agentName);
  await expect(decision.getByTestId('decision-candidates')).toContainText(agentName);
  await sameDocument();

  await api.mutate('work.complete', lease, agent.token);
  await expect(page.getByTestId('task-status')).toHaveText('succeeded');
});
