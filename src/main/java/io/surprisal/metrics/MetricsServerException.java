package io.surprisal.metrics;

import io.surprisal.SurprisalException;
import java.net.InetSocketAddress;

/** The metrics endpoint could not listen on its address (port in use, unknown host, no permission). */
public final class MetricsServerException extends SurprisalException {
  private static final long serialVersionUID = 1L;

  MetricsServerException(InetSocketAddress address, Throwable cause) {
    super("cannot serve metrics on " + address.getHostString() + ":" + address.getPort() + " (set "
        + MetricsConfig.PORT.name() + ", or 0 to turn the endpoint off): " + cause.getMessage(), cause);
  }
}
