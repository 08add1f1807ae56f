import t from 'tap'
import { APPLICATION_CLOCK_LIMIT, Clock } from '../src/clock.js'

t.test('the clock tells its listeners when it moves forward, and only then', async (t) => {
  const clock = new Clock(() => 0)
  const heard: number[] = []
  const stop = clock.onAdvance(() => heard.push(clock.now()))
  clock.advance(5)
  t.throws(() => clock.advance(-1), RangeError, 'backwards is refused')
  clock.advance(0)
  stop()
  clock.advance(10)
  t.same(heard, [5, 5], 'told after each move, with the clock already moved; not after a refused one or once unsubscribed')
})

t.test("an application's own clock: the shared one plus its offset; listeners hear which moved", async (t) => {
  const clock = new Clock(() => 1000)
  const heard: Array<[number, string | undefined]> = []
  clock.onAdvance(({ milliseconds, application }) => heard.push([milliseconds, application]))
  clock.advance(10, { application: 'a' })
  clock.advance(5)
  t.same([clock.now(), clock.nowFor('a'), clock.nowFor('b'), clock.nowFor(undefined)], [1005, 1015, 1005, 1005], 'a is 10 ahead of everyone')
  t.same([clock.offsetMs, clock.offsetOf('a'), clock.offsetOf('b')], [5, 10, 0], 'the offsets')
  t.same(
    heard,
    [
      [10, 'a'],
      [5, undefined],
    ],
    'told of each move, and for whom',
  )
  clock.reset({ application: 'a' })
  t.same([clock.nowFor('a'), clock.offsetMs], [1005, 5], "reset({ application }) drops that one's offset only")
  clock.advance(1, { application: 'b' })
  clock.reset()
  t.same([clock.now(), clock.nowFor('b')], [1000, 1000], 'reset() drops them all')
})

t.test('the bounds hold for every application: at most so many with a clock of their own, none past the last date', async (t) => {
  const clock = new Clock(() => 0)
  for (let i = 0; i < APPLICATION_CLOCK_LIMIT; i++) clock.advance(1, { application: `app-${i}` })
  t.throws(() => clock.advance(1, { application: 'one-more' }), { name: 'RangeError', message: /at most 4096 applications/ }, 'one more is refused')
  clock.advance(1, { application: 'app-0' })
  t.equal(clock.offsetOf('app-0'), 2, 'one that has an offset may still move')
  const ahead = new Clock(() => Clock.LATEST - 100)
  ahead.advance(60, { application: 'a' })
  t.throws(() => ahead.advance(50), RangeError, "moving everyone is refused when it would take one application's clock past the last date")
  t.equal(ahead.offsetMs, 0, 'and nothing moved')
  t.throws(() => ahead.advance(50, { application: 'a' }), RangeError, 'so is moving that application alone')
})
