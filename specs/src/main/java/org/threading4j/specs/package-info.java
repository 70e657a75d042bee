/**
 * Sequential reference models ("specs") of the threading4j primitives: what each primitive does, written
 * as plain single-threaded Java that reads like the Python class it models.
 *
 * <p>A spec is documentation first. Its methods carry the primitive's Java names, its Javadoc gives the
 * Python names ({@code lock.acquire(blocking=False)}), and its exceptions carry the primitive's exact
 * messages. It is also executable: the checks ({@code checks/}) run it side by side with the primitive, as
 * the expected answers of the contract suites and the property tests and as Lincheck's sequential
 * specification. What only the checks need (copies for explorers, answers as strings, Lincheck adapters)
 * lives there, not here.
 *
 * <p><b>How a spec models blocking.</b> There are no threads in a spec. A thread is a <em>caller</em>, an
 * {@code int} id chosen by whoever drives the model. A call that would block does not block: it returns at
 * once and leaves the caller <em>waiting</em>, so that {@code waiting(caller)} is true, and what the call
 * returned then means nothing. The wait ends in a later, separate step that the driver takes when it wants
 * the event to happen: {@code proceed(caller)} (the caller runs again and takes what it waits for, if it
 * can), {@code timeOut(caller)} (a timed wait's time runs out), {@code interrupt(caller)}
 * ({@code Thread.interrupt()}), or another caller's call that ends the wait (an event's {@code set()}). The
 * step that ends a wait gives the call's answer: it returns what the call returns, or throws what the call
 * throws. A waiting caller makes no other call until its wait ends. Every interleaving of real threads is
 * therefore some sequence of spec steps, and the spec says which sequences are legal.
 *
 * <p>Time is not modelled: a timed wait lasts until the driver says {@code timeOut}. Fairness is not
 * modelled either: any waiting caller may {@code proceed} whenever the primitive is free, which covers
 * every order the real primitives may choose (including barging newcomers).
 */
package org.threading4j.specs;
