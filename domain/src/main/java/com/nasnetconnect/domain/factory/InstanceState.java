package com.nasnetconnect.domain.factory;

/** Where an instance is in its life; {@code progress} accompanies {@link #PULLING}. */
public enum InstanceState {
    PENDING, PULLING, EXTRACTING, STARTING, RUNNING, DEGRADED, FAILED, STOPPED
}
