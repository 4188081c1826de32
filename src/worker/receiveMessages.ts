/** The part of a worker's scope that receives messages. */
export interface MessageSource {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

const apply = Reflect.apply;
const freeze = Object.freeze;
const isView = ArrayBuffer.isView.bind(ArrayBuffer);
const keys = Object.keys.bind(Object);
// Called with each event as `this`, through the captured Reflect.apply.
// eslint-disable-next-line @typescript-eslint/unbound-method
const dataOf = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data')?.get;

/** Freezes a message's plain objects and arrays (typed arrays and buffers cannot be frozen, and need not be). */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || isView(value)) return value;
  for (const key of keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return freeze(value);
}

/**
 * Hands each message from the frame to `handle`, in a way user code in the worker cannot
 * change: the listener is added once and held in this closure (no `onmessage` to replace),
 * the event's data is read with the getter captured at start-up (patching
 * `MessageEvent.prototype.data` changes nothing), and the message is frozen before any
 * other listener sees it, so a program's own listener cannot rewrite a later run's code or policy.
 */
export function receiveMessages<T>(source: MessageSource, handle: (msg: T) => void): void {
  source.addEventListener('message', (event) => {
    const data: unknown = dataOf ? apply(dataOf, event, []) : event.data;
    handle(deepFreeze(data) as T);
  });
}
