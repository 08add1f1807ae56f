import t from 'tap'
import { Clock } from '../src/clock.js'

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
