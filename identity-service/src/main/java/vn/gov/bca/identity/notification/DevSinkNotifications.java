package vn.gov.bca.identity.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The development sink of the notification port: every message is one JSON file
 * {@code <dir>/<createdAt as yyyyMMdd'T'HHmmssSSS'Z'>-<id>.json} holding the {@link Notification}
 * ({@code id, createdAt, channel, to, kind, code, expiresAt, text}), written to a temporary name and
 * moved into place, so a reader never sees half a file. For local runs and tests only
 * ({@code vneid.notifications.dev-sink-dir}); nothing is sent to a real phone or mailbox.
 */
public final class DevSinkNotifications implements Notifications {

	private static final java.time.format.DateTimeFormatter STAMP = java.time.format.DateTimeFormatter
		.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
		.withZone(java.time.ZoneOffset.UTC);

	private final Path directory;

	private final JsonMapper json;

	public DevSinkNotifications(Path directory, JsonMapper json) {
		this.directory = directory;
		this.json = json;
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the notification sink " + directory, ex);
		}
	}

	public Path directory() {
		return this.directory;
	}

	/** The file a message is written to. */
	public Path fileOf(Notification notification) {
		return this.directory.resolve(STAMP.format(notification.createdAt()) + "-" + notification.id() + ".json");
	}

	@Override
	public boolean available() {
		return true;
	}

	@Override
	public Mono<Void> send(Notification notification) {
		return Mono.fromCallable(() -> {
			Path target = fileOf(notification);
			Path partial = this.directory.resolve("." + notification.id() + ".tmp");
			Files.writeString(partial, this.json.writeValueAsString(notification));
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			return target;
		}).subscribeOn(Schedulers.boundedElastic()).then();
	}

}
