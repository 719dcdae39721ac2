package vn.gov.bca.identity.notification;

import reactor.core.publisher.Mono;

/**
 * The port through which the service sends messages to citizens (one-time codes). The only
 * implementation today is the development sink ({@link DevSinkNotifications}); a production
 * adapter (an SMS gateway, the e-mail relay) is not part of this repository. Without one,
 * {@link #available()} is false and what needs a message is refused with 503, never pretended.
 */
public interface Notifications {

	/** Whether messages can be sent at all. */
	boolean available();

	/** Sends the message; fails when it could not be handed over. */
	Mono<Void> send(Notification notification);

}
