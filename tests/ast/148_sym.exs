"""
no indent
"""
