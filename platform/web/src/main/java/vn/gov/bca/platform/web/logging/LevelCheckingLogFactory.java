package vn.gov.bca.platform.web.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LocationAwareLogger;

/**
 * Commons Logging (what Spring, Spring Security and Spring Cloud log through) onto SLF4J, turning a
 * message into text only when its level is enabled. The adapter that commons-logging 1.3 and 1.4
 * choose themselves for SLF4J ({@code Slf4jLogFactory}) calls {@code String.valueOf(message)}
 * before SLF4J looks at the level, so the lazy {@code LogMessage} of every unguarded
 * {@code logger.debug(LogMessage.format(...))} in Spring Security's filter chain was formatted
 * with {@code String.format} on each request and thrown away: 1.7 % of the gateway's CPU in
 * issue 18's profile. Registered in {@code META-INF/services/org.apache.commons.logging.LogFactory},
 * which {@link LogFactory#getFactory()} consults before its built-in choice.
 */
public final class LevelCheckingLogFactory extends LogFactory {

	private final ConcurrentMap<String, Log> logs = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Object> attributes = new ConcurrentHashMap<>();

	@Override
	public Log getInstance(Class<?> type) {
		return getInstance(type.getName());
	}

	@Override
	public Log getInstance(String name) {
		return this.logs.computeIfAbsent(name, (key) -> new Slf4jLog(LoggerFactory.getLogger(key)));
	}

	@Override
	public void release() {
		this.logs.clear();
	}

	@Override
	public Object getAttribute(String name) {
		return this.attributes.get(name);
	}

	@Override
	public String[] getAttributeNames() {
		return this.attributes.keySet().toArray(String[]::new);
	}

	@Override
	public void removeAttribute(String name) {
		this.attributes.remove(name);
	}

	@Override
	public void setAttribute(String name, Object value) {
		if (value == null) {
			this.attributes.remove(name);
		}
		else {
			this.attributes.put(name, value);
		}
	}

	/** One logger: the level first, then the text; the caller's location kept where SLF4J can. */
	static final class Slf4jLog implements Log {

		private static final String FQCN = Slf4jLog.class.getName();

		private final Logger logger;

		private final LocationAwareLogger located;

		Slf4jLog(Logger logger) {
			this.logger = logger;
			this.located = (logger instanceof LocationAwareLogger aware) ? aware : null;
		}

		private void log(int level, Object message, Throwable failure) {
			String text = String.valueOf(message);
			if (this.located != null) {
				this.located.log(null, FQCN, level, text, null, failure);
				return;
			}
			switch (level) {
				case LocationAwareLogger.TRACE_INT -> this.logger.trace(text, failure);
				case LocationAwareLogger.DEBUG_INT -> this.logger.debug(text, failure);
				case LocationAwareLogger.INFO_INT -> this.logger.info(text, failure);
				case LocationAwareLogger.WARN_INT -> this.logger.warn(text, failure);
				default -> this.logger.error(text, failure);
			}
		}

		@Override
		public boolean isTraceEnabled() {
			return this.logger.isTraceEnabled();
		}

		@Override
		public boolean isDebugEnabled() {
			return this.logger.isDebugEnabled();
		}

		@Override
		public boolean isInfoEnabled() {
			return this.logger.isInfoEnabled();
		}

		@Override
		public boolean isWarnEnabled() {
			return this.logger.isWarnEnabled();
		}

		@Override
		public boolean isErrorEnabled() {
			return this.logger.isErrorEnabled();
		}

		@Override
		public boolean isFatalEnabled() {
			return this.logger.isErrorEnabled();
		}

		@Override
		public void trace(Object message) {
			trace(message, null);
		}

		@Override
		public void trace(Object message, Throwable failure) {
			if (this.logger.isTraceEnabled()) {
				log(LocationAwareLogger.TRACE_INT, message, failure);
			}
		}

		@Override
		public void debug(Object message) {
			debug(message, null);
		}

		@Override
		public void debug(Object message, Throwable failure) {
			if (this.logger.isDebugEnabled()) {
				log(LocationAwareLogger.DEBUG_INT, message, failure);
			}
		}

		@Override
		public void info(Object message) {
			info(message, null);
		}

		@Override
		public void info(Object message, Throwable failure) {
			if (this.logger.isInfoEnabled()) {
				log(LocationAwareLogger.INFO_INT, message, failure);
			}
		}

		@Override
		public void warn(Object message) {
			warn(message, null);
		}

		@Override
		public void warn(Object message, Throwable failure) {
			if (this.logger.isWarnEnabled()) {
				log(LocationAwareLogger.WARN_INT, message, failure);
			}
		}

		@Override
		public void error(Object message) {
			error(message, null);
		}

		@Override
		public void error(Object message, Throwable failure) {
			if (this.logger.isErrorEnabled()) {
				log(LocationAwareLogger.ERROR_INT, message, failure);
			}
		}

		@Override
		public void fatal(Object message) {
			error(message, null);
		}

		@Override
		public void fatal(Object message, Throwable failure) {
			error(message, failure);
		}

	}

}
