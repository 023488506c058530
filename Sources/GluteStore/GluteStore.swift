/// Persistence for GluteCoach: the storage protocol, its records and the versioned migrations.
public enum GluteStoreModule {}
