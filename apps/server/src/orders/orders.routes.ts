/** GET /orders, POST /orders (on the running bot), DELETE /orders/:id. */
import {
  ErrorResponse,
  IdParams,
  OrderRequestBody,
  OrderView,
  OrdersPage,
  OrdersQuery,
} from '@numerusx/contracts';
import type { Api } from '../http/api.js';
import { actorOf } from '../http/authenticate.js';
import { cursorId, pageOf } from '../http/pagination.js';
import { validateOrderBody } from './order-body.js';
import { orderView, type OrdersService } from './orders.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

export function ordersRoutes(app: Api, orders: OrdersService): void {
  app.get(
    '/orders',
    {
      schema: {
        tags: ['orders'],
        summary: 'Orders, newest first, filtered by status, pair and side',
        querystring: OrdersQuery,
        response: { 200: OrdersPage, ...errors },
      },
      config: { auth: 'viewer' },
    },
    async (req) => {
      const { cursor, limit, ...filter } = req.query;
      const rows = await orders.list({ ...filter, before: cursorId(cursor), limit: limit + 1 });
      return pageOf(rows, limit, orderView);
    },
  );

  app.get(
    '/orders/:id',
    {
      schema: {
        tags: ['orders'],
        summary: 'One order',
        params: IdParams,
        response: { 200: OrderView, ...errors, 404: ErrorResponse },
      },
      config: { auth: 'viewer' },
    },
    async (req) => orderView(await orders.get(req.params.id)),
  );

  app.post(
    '/orders',
    {
      schema: {
        tags: ['orders'],
        summary:
          'Place a manual order on the running bot: validated, risk-gated (422 RISK_VETOED), idempotent by clientId',
        body: OrderRequestBody,
        response: { 201: OrderView, ...errors, 409: ErrorResponse, 422: ErrorResponse },
      },
      // The body schema is a union chosen by `type`: validate against the chosen one (order-body.ts).
      validatorCompiler: () => validateOrderBody,
      config: { auth: 'trader' },
    },
    async (req, reply) => {
      const row = await orders.submit(actorOf(req), req.body);
      return reply.code(201).send(orderView(row));
    },
  );

  app.delete(
    '/orders/:id',
    {
      schema: {
        tags: ['orders'],
        summary: 'Cancel a working order: 404 unknown, 409 final or bot not running',
        params: IdParams,
        response: { 200: OrderView, ...errors, 404: ErrorResponse, 409: ErrorResponse },
      },
      config: { auth: 'trader' },
    },
    async (req) => orderView(await orders.cancel(actorOf(req), req.params.id)),
  );
}
