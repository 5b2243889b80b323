import type { Page } from '@playwright/test';
import { expect, expectLive, markDocument, test } from './fixtures';
import { uniqueName } from './support/api';

interface Work {
  taskId: string;
  leaseToken: string;
  attempt: number;
}

test('an operator retries a dead-lettered task and resets a breaker, and sees both take effect live', async ({
  adminPage: page,
  api,
}) => {
  // A capability and a runtime of its own, so no demo agent takes the task and no other
  // test's agent shares the runtime breaker.
  const capability = uniqueName('e2e-flaky');
  const agentName = uniqueName('e2e-flaky-worker');
  const agent = await api.startAgent({ name: agentName, capabilities: [capability], runtime: uniqueName('e2e-rt') });
  await api.heartbeat(agent.token);
  // Keep the agent healthy for the whole test (it turns unhealthy after 15 s of silence).
  const keepAlive = setInterval(() => void api.heartbeat(agent.token).catch(() => {}), 4_000);

  try {
    // One attempt only: a retryable failure exhausts it, and the task lands in the dead-letter queue.
    const title = uniqueName('e2e dead letter');
    const error = `${uniqueName('flaky')}: the test runner crashed`;
    const {
      ids: [taskId],
    } = await api.mutate<{ ids: string[] }>('tasks.submit', { title, capabilities: [capability], maxAttempts: 1 });
    const work = await api.mutate<Work | null>('work.poll', { waitMs: 5000 }, agent.token);
    expect(work?.taskId).toBe(taskId);
    const failed = await api.mutate<{ status: string }>(
      'work.fail',
      { taskId, leaseToken: work!.leaseToken, error, retryable: true },
      agent.token,
    );
    expect(failed.status).toBe('dead-lettered');

    // The agent's breaker, forced open: the retried task cannot go back to it until it is reset.
    const forced = await api.mutate<{ state: string; forcedBy: { kind: string; name: string } | null }>(
      'agents.forceOpenBreaker',
      {
        id: agent.agentId,
        scope: 'agent',
      },
    );
    expect(forced.state).toBe('open');

    await page.goto('/tasks');
    await expectLive(page);
    const sameDocument = await markDocument(page);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByTestId('dead-letter-count')).toBeVisible();
    await nav.getByRole('link', { name: 'Dead letters' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dead letters' })).toBeVisible();
    await page.getByLabel('Search dead letters').fill(title);
    await expect(page).toHaveURL(/[?&]q=/);

    const row = page.getByTestId('dead-letters-table').locator('tbody tr', { hasText: title });
    await expect(row).toBeVisible();
    await expect(row).toContainText(error);
    await expect(row).toContainText('1 / 1');
    await expect(row).toContainText(capability);
    await row.getByRole('button', { name: 'Retry' }).click();
    await expect(row).toHaveCount(0);
    await expect(page.getByText('No dead letters match these filters')).toBeVisible();
    await sameDocument();

    // The task page: back in the queue with a fresh attempt, waiting because its only agent's breaker is open.
    await nav.getByRole('link', { name: 'Tasks' }).click();
    await page.getByLabel('Search tasks').fill(title);
    await expect(page).toHaveURL(/[?&]q=/);
    const taskRows = page.getByTestId('tasks-table').locator('tbody tr');
    await expect(taskRows).toHaveCount(1);
    await taskRows.getByRole('link', { name: title }).click();
    await expect(page).toHaveURL(new RegExp(`/tasks/${taskId}$`));
    await expect(page.getByTestId('task-status')).toHaveText('queued');
    await expect(page.getByTestId('task-attempt')).toHaveText('attempt 1 of 2');
    await expect(page.getByTestId('pending-callout')).toBeVisible();
    await expect(page.getByTestId('attempts-timeline')).toContainText(error);
    await sameDocument();

    // The agent page (through the attempt's agent link): the breaker is open, forced by the operator.
    await page.getByTestId('attempts-timeline').getByRole('link', { name: agentName }).click();
    await expect(page).toHaveURL(new RegExp(`/agents/${agent.agentId}$`));
    const breaker = page.getByTestId('breaker-agent');
    await expect(breaker.getByTestId('breaker-state')).toHaveText('open');
    // Forced through the API with the admin token: the page names the token.
    const forcedBy = `token ${forced.forcedBy!.name}`;
    await expect(breaker.getByTestId('breaker-forced-by')).toHaveText(forcedBy);
    await expect(page.getByRole('heading', { level: 1 }).getByTestId('breaker-marker')).toHaveText('breaker open');
    await expect(page.getByTestId('breaker-history')).toContainText(forcedBy);

    await breaker.getByRole('button', { name: 'Reset' }).click();
    await expect(breaker.getByTestId('breaker-state')).toHaveText('closed');
    await expect(page.getByRole('heading', { level: 1 }).getByTestId('breaker-marker')).toHaveCount(0);
    await expect(page.getByTestId('breaker-history').locator('tbody tr').first()).toContainText('admin');

    // With the breaker closed the scheduler routes the retried task to the agent again: live, in its recent tasks.
    const taskRow = page.getByTestId('tasks-table').locator('tr', { hasText: title });
    await expect(taskRow.getByTestId('task-status')).toHaveText(/assigned|running/);
    const again = await api.mutate<Work | null>('work.poll', { waitMs: 5000 }, agent.token);
    expect(again?.taskId).toBe(taskId);
    expect(again?.attempt).toBe(2);
    await api.mutate('work.complete', { taskId, leaseToken: again!.leaseToken }, agent.token);
    await expect(taskRow.getByTestId('task-status')).toHaveText('succeeded');
    await sameDocument();
  } finally {
    clearInterval(keepAlive);
  }
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('the dead letters page and the breaker card fit a 375 px screen, and a dead letter is discarded after confirming', async ({
    adminPage: page,
    api,
  }) => {
    const capability = uniqueName('e2e-phone-flaky');
    const agent = await api.startAgent({
      name: uniqueName('e2e-phone-worker'),
      capabilities: [capability],
      runtime: uniqueName('e2e-rt'),
    });
    await api.heartbeat(agent.token);
    const title = uniqueName('e2e phone dead letter with a long title that has to wrap');
    const {
      ids: [taskId],
    } = await api.mutate<{ ids: string[] }>('tasks.submit', { title, capabilities: [capability], maxAttempts: 1 });
    const work = await api.mutate<Work>('work.poll', { waitMs: 5000 }, agent.token);
    await api.mutate(
      'work.fail',
      { taskId, leaseToken: work.leaseToken, error: 'x'.repeat(300), retryable: true },
      agent.token,
    );
    await api.mutate('agents.forceOpenBreaker', { id: agent.agentId, scope: 'agent' });

    await page.goto(`/dead-letters?q=${encodeURIComponent(title)}`);
    await expectLive(page);
    const card = page.getByTestId('dead-letters-table-cards').getByTestId('dead-letter');
    await expect(card).toHaveCount(1);
    await expect(page.getByTestId('dead-letters-table')).toBeHidden();
    await expectNoHorizontalOverflow(page);

    await card.getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Discard' }).click();
    await expect(card).toHaveCount(0);
    const discarded = await api.query<{ status: string; error: string }>('tasks.get', { id: taskId });
    expect(discarded.status).toBe('cancelled');

    await page.goto(`/agents/${agent.agentId}`);
    await expect(page.getByTestId('breaker-agent').getByTestId('breaker-state')).toHaveText('open');
    await expect(page.getByTestId('breaker-history-cards')).toBeVisible();
    await expectNoHorizontalOverflow(page);
  });
});

async function expectNoHorizontalOverflow(page: Page) {
  const sizes = await page.evaluate(() => ({
    doc: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
  }));
  expect(sizes.doc, 'page scrolls sideways').toBeLessThanOrEqual(sizes.viewport);
}
