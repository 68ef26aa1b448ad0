import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { type ApiRoute, findRoute, type RouteSpec } from '@switchyard/contract';

export type ContractRoute = RouteSpec & { key: ApiRoute };

const cache = new WeakMap<object, ContractRoute | null>();

/** `METHOD /path` of a controller method, from its Nest metadata (`GET /api/workflows/:id`); undefined when it is not a route. */
export function routeKeyOf(controller: object, handler: object): string | undefined {
  const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
  const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
  if (method === undefined || path === undefined) return undefined;
  const prefix = [Reflect.getMetadata(PATH_METADATA, controller) ?? ''].flat()[0] as string;
  const full = `/${prefix}/${[path].flat()[0]}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
  return `${RequestMethod[method]} ${full}`;
}

/** The contract's spec of a controller method's route, or null when the contract does not list it. */
export function contractRouteOf(controller: object, handler: object): ContractRoute | null {
  let route = cache.get(handler);
  if (route === undefined) {
    const key = routeKeyOf(controller, handler);
    const [method, path] = key ? key.split(' ') : [];
    route = (method && path && findRoute(method, path)) || null;
    cache.set(handler, route);
  }
  return route;
}
