package vn.gov.bca.platform.web.logging;

import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Commons Logging as Spring logs through it: this factory, the level before the text, the caller kept. */
class LevelCheckingLogFactoryTests {

	private static final String NAME = "vn.gov.bca.platform.web.logging.sample";

	private final ch.qos.logback.classic.Logger target = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(NAME);

	/** Takes the caller as an appender with %caller or %line would: while the event is logged. */
	private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
		@Override
		protected void append(ILoggingEvent event) {
			event.getCallerData();
			super.append(event);
		}
	};

	private final AtomicInteger formatted = new AtomicInteger();

	/** Like Spring's LogMessage: the text is built when asked for. */
	private final Object message = new Object() {
		@Override
		public String toString() {
			LevelCheckingLogFactoryTests.this.formatted.incrementAndGet();
			return "Trying to match using a matcher";
		}
	};

	@BeforeEach
	void listen() {
		this.target.setLevel(Level.INFO);
		this.appender.start();
		this.target.addAppender(this.appender);
	}

	@AfterEach
	void stopListening() {
		this.target.detachAppender(this.appender);
		this.target.setLevel(null);
	}

	@Test
	void commonsLoggingFindsThisFactory() {
		assertThat(LogFactory.getFactory()).isInstanceOf(LevelCheckingLogFactory.class);
		assertThat(LogFactory.getLog(NAME)).isInstanceOf(LevelCheckingLogFactory.Slf4jLog.class);
	}

	@Test
	void aMessageBelowTheLevelIsNeverTurnedIntoText() {
		Log log = LogFactory.getLog(NAME);

		log.debug(this.message);
		log.trace(this.message, new IllegalStateException("ignored"));

		assertThat(this.formatted).hasValue(0);
		assertThat(this.appender.list).isEmpty();
		assertThat(log.isDebugEnabled()).isFalse();
		assertThat(log.isInfoEnabled()).isTrue();
	}

	@Test
	void aMessageAtOrAboveTheLevelIsLoggedWithItsFailureAndItsCaller() {
		Log log = LogFactory.getLog(NAME);

		log.info(this.message);
		log.warn(this.message, new IllegalStateException("the cause"));
		log.fatal(this.message);

		assertThat(this.formatted).hasValue(3);
		assertThat(this.appender.list).extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
			.containsExactly(tuple(Level.INFO, "Trying to match using a matcher"),
					tuple(Level.WARN, "Trying to match using a matcher"),
					tuple(Level.ERROR, "Trying to match using a matcher"));
		assertThat(this.appender.list.get(1).getThrowableProxy().getMessage()).isEqualTo("the cause");
		assertThat(this.appender.list.get(0).getCallerData()[0].getClassName())
			.isEqualTo(LevelCheckingLogFactoryTests.class.getName());
	}

}
