package vn.gov.bca.platform.data.outbox;

import java.util.List;

/**
 * The one result shape of a transition: it mutates the aggregate it is given (its new state is the
 * aggregate itself) and returns the events it caused, possibly none. It guards itself: an illegal
 * transition throws, and then nothing is written.
 *
 * @param <T> the aggregate type
 * @see AggregateStore#change(String, Transition)
 */
@FunctionalInterface
public interface Transition<T> {

	List<? extends DomainEvent> apply(T aggregate);

}
