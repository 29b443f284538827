// The write scenario: `changeProjectStatus` on a different project each request. The projects
// still open are read from the database (OPEN_PROJECTS_SQL, through bench-database.mjs); each request moves one of them a step forward
// (DRAFT → SUBMITTED → LABELLED → FUNDED → IN_PROGRESS → COMPLETED) at the version it has, and
// it goes back in the queue with its new version once answered.
export const NEXT_STATUS = {
  DRAFT: 'SUBMITTED',
  SUBMITTED: 'LABELLED',
  LABELLED: 'FUNDED',
  FUNDED: 'IN_PROGRESS',
  IN_PROGRESS: 'COMPLETED',
};

/** The projects still open, with the version each write must name. */
export const OPEN_PROJECTS_SQL = `SELECT id, status, version FROM project WHERE status IN (${Object.keys(
  NEXT_STATUS,
)
  .map((status) => `'${status}'`)
  .join(', ')}) ORDER BY id`;

/** Steps each open status has left before the project is closed (COMPLETED). */
const stepsLeft = (status) => {
  let steps = 0;
  for (let next = status; NEXT_STATUS[next]; next = NEXT_STATUS[next]) steps += 1;
  return steps;
};

/**
 * How many writes the open projects allow without the queue running dry under `connections`
 * concurrent requests: the queue is empty only when every open project is in flight, which
 * leaves at most `connections` projects with at most five steps each; a run that stops while
 * more steps than that are left never finds it empty. A fast server goes through the dataset's
 * open projects within seconds, so the write scenario is bounded by this as well as by time.
 */
export function writesAvailable(queue, connections) {
  const steps = queue.reduce((sum, project) => sum + stepsLeft(project.status), 0);
  return Math.max(0, steps - connections * stepsLeft('DRAFT') - 1);
}

/** autocannon `requests`: each takes the next open project and puts it back once answered. */
export function changeStatusRequests(queue, query) {
  const globalId = (id) => Buffer.from(`Project:${id}`, 'utf8').toString('base64url');
  return [
    {
      setupRequest(request, context) {
        const project = queue.shift();
        if (!project) throw new Error('every project of the dataset is closed: run shorter');
        context.project = project;
        return {
          ...request,
          body: JSON.stringify({
            query: query.text,
            operationName: query.operationName,
            variables: {
              id: globalId(project.id),
              to: NEXT_STATUS[project.status],
              expectedVersion: project.version,
            },
          }),
        };
      },
      onResponse(status, body, context) {
        const project = context.project;
        try {
          const answer = JSON.parse(body).data?.changeProjectStatus?.project;
          if (answer && NEXT_STATUS[answer.status]) queue.push({ ...project, ...answer });
        } catch {
          // Counted as a mismatch by verifyBody.
        }
      },
    },
  ];
}

/** A write counts as answered only when it was applied. */
export const changeStatusApplied = (text) =>
  !text.includes('"errors":') && text.includes('"userErrors":[]');
