package dev.autogen.cli;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * One piece of a command's work run on a thread of its own while the command's thread does another,
 * e.g. the current schema read (a replay on the dev server) while the entities are (Hibernate's boot).
 * Its failure is the command's failure, but only after the command's own: when the foreground work
 * fails, the background work is waited for (so that what it holds, such as a scratch database on a dev
 * server, is cleaned up by its own code), then the foreground failure propagates.
 *
 * @param <T> the result's type
 */
public final class Background<T> {

  private final FutureTask<T> task;

  private Background(FutureTask<T> task) {
    this.task = task;
  }

  /**
   * @param name the thread's name
   * @param work the work, run at once on a new daemon thread (which inherits the caller's context class
   *     loader); never null
   * @param <T> the result's type
   * @return the running work
   */
  public static <T> Background<T> start(String name, Supplier<T> work) {
    FutureTask<T> task = new FutureTask<>(work::get);
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return new Background<>(task);
  }

  /**
   * Runs foreground work; when it fails, waits for this work to end (ignoring its result) before the
   * failure propagates.
   *
   * @param foreground the caller's work, never null
   * @param <R> its result's type
   * @return its result
   */
  public <R> R afterFailureOf(Supplier<R> foreground) {
    try {
      return foreground.get();
    } catch (RuntimeException | Error e) {
      try {
        task.get();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException ignored) {
        // the foreground failure is the one reported
      }
      throw e;
    }
  }

  /**
   * @return the work's result, once it ends
   * @throws RuntimeException the work's own unchecked exception, or an {@link IllegalStateException} when
   *     this thread is interrupted while waiting
   * @throws Error the work's own error
   */
  public T join() {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + task, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
