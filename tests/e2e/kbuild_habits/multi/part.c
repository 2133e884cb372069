int part_value(void);

int part_value(void)
{
	return ONLY_PART;
}
