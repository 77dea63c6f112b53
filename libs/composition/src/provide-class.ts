import type { Provider } from '@nestjs/common';

/** A value given to a constructor as it is (configuration, a function), instead of a provider. */
export type Given<T> = { readonly given: T };

/** What a constructor parameter of type T is built from: a provider token of T, or a given value. */
export type Dependency<T> = (abstract new (...args: never[]) => T) | Given<T>;

/** Passes `value` to the constructor as it is: `provideClass(RescoreChunk, Transactions, given(500))`. */
export const given = <T>(value: T): Given<T> => ({ given: value });

const isGiven = (d: Dependency<unknown>): d is Given<unknown> => typeof d === 'object' && d !== null;

/**
 * The provider of a plain class from app/ (no decorators there): its constructor's arguments, in
 * order, are the providers of the given tokens (ports are abstract classes) or given values. The
 * types check that each dependency fits its parameter.
 *
 *   provideClass(PublishModel, Transactions, Clock, RescoreScheduler, given(randomUUID))
 */
export function provideClass<T, A extends readonly unknown[]>(
  cls: new (...args: A) => T,
  ...deps: { [K in keyof A]: Dependency<A[K]> }
): Provider<T> {
  return { provide: cls, ...factoryOf(cls, deps) };
}

/**
 * The provider of a port (an abstract class) built as `cls` from its dependencies, as provideClass
 * builds it: `provideAs(ApiKeyStore, PgApiKeyStore, DataSource, given(config.KEY_CACHE_TTL_MS))`.
 */
export function provideAs<P, T extends P, A extends readonly unknown[]>(
  port: abstract new (...args: never[]) => P,
  cls: new (...args: A) => T,
  ...deps: { [K in keyof A]: Dependency<A[K]> }
): Provider<T> {
  return { provide: port, ...factoryOf(cls, deps) };
}

function factoryOf<T, A extends readonly unknown[]>(
  cls: new (...args: A) => T,
  deps: { [K in keyof A]: Dependency<A[K]> },
): { inject: never[]; useFactory: (...resolved: unknown[]) => T } {
  const list = deps as readonly Dependency<unknown>[];
  return {
    inject: list.filter((d) => !isGiven(d)) as never[],
    useFactory: (...resolved) => {
      let next = 0;
      const args = list.map((d) => (isGiven(d) ? d.given : resolved[next++]));
      return new cls(...(args as unknown as A));
    },
  };
}
