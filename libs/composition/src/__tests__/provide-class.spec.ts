import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { given, provideAs, provideClass } from '../provide-class';

abstract class Clock {
  abstract now(): Date;
}
class FixedClock extends Clock {
  constructor(private readonly at: Date) {
    super();
  }
  now(): Date {
    return this.at;
  }
}
abstract class Store {
  abstract name(): string;
}
class MemoryStore extends Store {
  constructor(readonly prefix: string) {
    super();
  }
  name(): string {
    return `${this.prefix}-store`;
  }
}
class Greet {
  constructor(
    readonly store: Store,
    readonly greeting: string,
    readonly clock: Clock,
  ) {}
  execute(): string {
    return `${this.greeting} from ${this.store.name()} at ${this.clock.now().toISOString()}`;
  }
}

describe('provideClass', () => {
  it('builds a plain class from provider tokens and given values, in constructor order', async () => {
    const at = new Date('2026-12-02T10:00:00.000Z');
    @Module({
      providers: [
        provideAs(Clock, FixedClock, given(at)),
        provideAs(Store, MemoryStore, given('pg')),
        provideClass(Greet, Store, given('hello'), Clock),
      ],
    })
    class AppModule {}
    const app = await Test.createTestingModule({ imports: [AppModule] }).compile();
    const greet = app.get(Greet);
    expect(greet.execute()).toBe('hello from pg-store at 2026-12-02T10:00:00.000Z');
    expect(app.get(Store)).toBeInstanceOf(MemoryStore);
    expect(greet.store).toBe(app.get(Store)); // one instance per provider
    await app.close();
  });

  it('lets the types reject a dependency that does not fit its parameter', () => {
    // @ts-expect-error Clock is not a Store
    provideClass(Greet, Clock, given('hello'), Clock);
    // @ts-expect-error a number is not a string greeting
    provideClass(Greet, Store, given(42), Clock);
    expect(provideClass(Greet, Store, given('hi'), Clock)).toMatchObject({
      provide: Greet,
      inject: [Store, Clock],
    });
  });
});
