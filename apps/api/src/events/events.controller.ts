import { Controller, Param, ParseUUIDPipe, Sse, type MessageEvent } from '@nestjs/common';
import { interval, map, merge, type Observable } from 'rxjs';
import { EventBus } from './event-bus';

const KEEP_ALIVE_MS = 15_000;

@Controller('api/workflows')
export class EventsController {
  constructor(private readonly events: EventBus) {}

  /** Server-Sent Events: `request` and `run` events of one workflow, with keep-alive pings. */
  @Sse(':id/events')
  stream(@Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) workflowId: string): Observable<MessageEvent> {
    return merge(
      this.events.forWorkflow(workflowId).pipe(map((event) => ({ type: event.type, data: event }) as MessageEvent)),
      interval(KEEP_ALIVE_MS).pipe(map(() => ({ type: 'ping', data: {} }) as MessageEvent)),
    );
  }
}
