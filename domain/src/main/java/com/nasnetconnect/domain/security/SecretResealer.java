package com.nasnetconnect.domain.security;

import com.nasnetconnect.domain.common.OutPort;
import java.util.function.UnaryOperator;

/**
 * Out-port for key rotation: a store that keeps sealed secrets (router credentials, …) and can re-seal all of
 * them. During a rotation the cipher hands each resealer a function that opens a sealed text with whatever key
 * sealed it and seals it again with the new key; the resealer applies it to every sealed value it stores and
 * writes the results back, ideally in one transaction.
 */
@OutPort
@FunctionalInterface
public interface SecretResealer {
    /** @return how many sealed values were re-sealed */
    int reseal(UnaryOperator<String> reseal);
}
