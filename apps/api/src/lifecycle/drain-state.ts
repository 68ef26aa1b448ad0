import type { FastifyInstance } from 'fastify';

/**
 * Set when a graceful shutdown starts: readiness answers 503 (so load balancers stop sending),
 * and every response from then on closes its connection (so keep-alive clients reconnect elsewhere).
 */
export class DrainState {
  draining = false;
}

/** Answers `Connection: close` while draining; registered before the routes so all of them inherit it. */
export function registerDrainHook(fastify: FastifyInstance, state: DrainState): void {
  fastify.addHook('onSend', async (_request, reply) => {
    if (state.draining) reply.header('connection', 'close');
  });
}

/**
 * Stops listening and waits for the requests in flight. Idle keep-alive sockets are closed again
 * and again: a socket that was busy when the close began would otherwise hold it for the whole
 * keep-alive timeout.
 */
export async function closeHttpGracefully(fastify: FastifyInstance): Promise<void> {
  const timer = setInterval(() => fastify.server.closeIdleConnections?.(), 100);
  try {
    await fastify.close();
  } finally {
    clearInterval(timer);
  }
}

/** Resolves true when `work` settles within `ms`, false when the deadline passes first. */
export async function withinDeadline(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      work.then(
        () => true as const,
        () => true as const,
      ),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
