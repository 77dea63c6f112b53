import { Controller, Get, Headers, Inject, Param, Req, Res } from '@nestjs/common';
import { NotFoundError, Public, Route } from '@smarketing/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { assetParams, weekParams } from './request-schemas';
import { WebAssets, type WebAsset } from './web-assets';

/** Scripts, styles and data from this origin only (chart.js sets styles through the DOM, which CSP allows). */
const CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * The page, served by the service. The routes are public to the edge, so that a browser without a
 * session gets a redirect to /login rather than a JSON 401; they hold no data (the scripts fetch it
 * from the read-scoped API with the session cookie), and each one checks the session itself.
 */
@Controller()
@Public()
export class PageController {
  constructor(@Inject(WebAssets) private readonly assets: WebAssets) {}

  @Get()
  @Route({
    summary: 'The shared dashboard (HTML); without a session, a redirect to /login.',
    responses: { 200: 'The page.', 303: 'To /login.' },
  })
  dashboard(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.page(request, reply, 'dashboard.html');
  }

  @Get('reviews/:week')
  @Route({
    summary: 'The weekly review of an ISO week (HTML, printable); without a session, a redirect to /login.',
    params: weekParams,
    responses: { 200: 'The page.', 303: 'To /login.' },
  })
  review(
    @Param() _week: z.output<typeof weekParams>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.page(request, reply, 'review.html');
  }

  @Get('login')
  @Route({
    summary: 'The sign-in page: a read key is exchanged for a session cookie.',
    responses: { 200: 'The page.' },
  })
  login(@Res() reply: FastifyReply) {
    return send(reply, this.assets.page('login.html'), undefined);
  }

  @Get('assets/:name')
  @Route({
    summary: "The page's scripts, styles and chart.js (no data).",
    params: assetParams,
    responses: { 200: 'The file.' },
  })
  asset(
    @Param() { name }: z.output<typeof assetParams>,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ) {
    const found = this.assets.get(name);
    if (found === undefined || name.endsWith('.html'))
      throw new NotFoundError(`no asset ${name}`, [{ path: 'params.name', message: 'not found' }]);
    return send(reply, found, ifNoneMatch);
  }

  private page(request: FastifyRequest, reply: FastifyReply, name: 'dashboard.html' | 'review.html') {
    if (!request.principal?.scopes.includes('read'))
      return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    return send(reply, this.assets.page(name), undefined);
  }
}

function send(reply: FastifyReply, asset: WebAsset, ifNoneMatch: string | undefined) {
  void reply
    .header('etag', asset.etag)
    .header('cache-control', 'no-cache')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', CSP)
    .header('referrer-policy', 'no-referrer');
  if (ifNoneMatch === asset.etag) return reply.status(304).send();
  return reply.type(asset.type).send(asset.body);
}
