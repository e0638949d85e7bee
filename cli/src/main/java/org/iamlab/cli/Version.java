package org.iamlab.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (set by the build), or {@code development}. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = IamLab.class.getPackage().getImplementationVersion();
        return new String[] {"iamlab " + (version == null ? "development" : version)};
    }
}
