"""What a technician runs and the kiosk's process care: check, doctor, deployment, supervision,
memory.
"""
