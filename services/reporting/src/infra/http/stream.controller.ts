import { Controller, Get, Inject, Res } from '@nestjs/common';
import { Route, Scopes } from '@smarketing/http';
import type { FastifyReply } from 'fastify';
import { FreshnessFeed } from './freshness-feed';

/** Comments every 15 s keep proxies and load balancers from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

/** Server-sent updates: the page re-fetches the dashboard when the read models move (read scope). */
@Controller('v1')
@Scopes('read')
export class StreamController {
  constructor(@Inject(FreshnessFeed) private readonly feed: FreshnessFeed) {}

  @Get('stream')
  @Route({
    summary:
      'Server-sent events: a `freshness` event ({ asOf, version }) on connecting and whenever the read models apply new events; heartbeat comments in between.',
    responses: { 200: 'An event stream (text/event-stream).' },
  })
  stream(@Res() reply: FastifyReply): void {
    reply.hijack();
    const out = reply.raw;
    out.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    out.write('retry: 3000\n\n');
    const heartbeat = setInterval(() => out.write(': heartbeat\n\n'), HEARTBEAT_MS);
    const unsubscribe = this.feed.subscribe(
      (f) => out.write(`event: freshness\ndata: ${JSON.stringify(f)}\n\n`),
      () => out.end(),
    );
    // The response's close, not the request's: it fires when the client goes away.
    out.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  }
}
