-- Mark import $impor_id as rolled back by the rollback row $oleh.
UPDATE log_impor SET status = 'dibatalkan', dibatalkan_oleh = $oleh::INTEGER
WHERE impor_id = $impor_id::INTEGER;
